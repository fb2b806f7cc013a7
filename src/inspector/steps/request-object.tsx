import { sentRequestObject } from '../../core/view/assertion.ts';
import { ClaimsTable } from '../../ui/claims-table.tsx';
import { t } from '../../ui/words.ts';

/** The signed request object (RFC 9101) among a step's parameters, decoded: nothing when there is none. */
export function RequestObject({ params }: { params: [string, string][] }) {
  const decoded = sentRequestObject(params);
  return decoded ? (
    <>
      <ClaimsTable values={decoded.header} caption={t('requestObjectHeader')} />
      <ClaimsTable values={decoded.claims} caption={t('requestObjectClaims')} />
    </>
  ) : null;
}
