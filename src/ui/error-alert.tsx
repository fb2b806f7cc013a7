import type { FlowErrorInfo } from '../core/flow-error.ts';
import { errorHead } from '../core/view/words.ts';
import { spoken, t, tOr, words } from './words.ts';

/** Core and the worker say their errors as message ids; an older run or a few refusals only in English. */
const ENGLISH = words.locale.startsWith('en');

/** Every error the user sees goes through here: one element with role="alert". */
export function ErrorAlert({ error }: { error: FlowErrorInfo }) {
  const untranslated = !error.say && !error.sayAll && !ENGLISH;
  const message = errorHead(error, words);
  return (
    <div class="alert" role="alert" data-code={error.code}>
      <p>
        <strong>{untranslated ? tOr(`error_${error.code}`, error.message ?? '') : message}</strong>
      </p>
      {untranslated && <p lang="en">{error.message}</p>}
      {error.expected !== undefined && (
        <p>
          {t('expectedLabel')} <code>{error.expected}</code>
        </p>
      )}
      {error.actual !== undefined && (
        <p>
          {t('actualLabel')} <code>{error.actual}</code>
        </p>
      )}
      {(error.sayHint ?? error.hint) && (
        <p lang={error.sayHint || ENGLISH ? undefined : 'en'}>{spoken(error.sayHint, error.hint)}</p>
      )}
    </div>
  );
}
