import type { FlowErrorInfo } from '../core/flow-error.ts';
import { t, tOr, words } from './words.ts';

/** The worker and core write their messages in English; other languages lead with the code's words. */
const ENGLISH = words.locale.startsWith('en');

/** Every error the user sees goes through here: one element with role="alert". */
export function ErrorAlert({ error }: { error: FlowErrorInfo }) {
  return (
    <div class="alert" role="alert" data-code={error.code}>
      {ENGLISH ? (
        <p>
          <strong>{error.message}</strong>
        </p>
      ) : (
        <>
          <p>
            <strong>{tOr(`error_${error.code}`, error.message)}</strong>
          </p>
          <p lang="en">{error.message}</p>
        </>
      )}
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
      {error.hint && <p lang={ENGLISH ? undefined : 'en'}>{error.hint}</p>}
    </div>
  );
}
