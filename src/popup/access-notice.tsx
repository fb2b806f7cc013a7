import { originNames } from '../core/view/origins.ts';
import { requestOrigins } from '../platform/permissions.ts';
import type { ReportError } from './use-alert.ts';
import { useMissingAccess } from './use-access.ts';
import { t } from '../ui/words.ts';

/** Says ahead of Authorize that the browser will ask for host access, and lets the user allow it now. */
export function AccessNotice({ origins, report }: { origins: string[]; report: ReportError }) {
  const [missing, recheck] = useMissingAccess(origins);
  if (missing.length === 0) return null;
  const names = originNames(missing);
  const allow = async () => {
    report(undefined);
    if (!(await requestOrigins(missing)))
      report({ code: 'permission_refused', message: t('accessRefused', names) });
    recheck();
  };
  return (
    <p class="hint">
      {t('accessAsk', names)}{' '}
      <button type="button" onClick={() => void allow()}>
        {t('accessAllow', names)}
      </button>
    </p>
  );
}
