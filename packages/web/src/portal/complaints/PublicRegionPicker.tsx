import type { Region } from '../../api/regions';
import { type MessageKey, useT } from '../i18n';
import { useRegions } from '../publicApi';

const LEVEL_LABEL: Record<string, MessageKey> = {
  province: 'complaintPortal.regionProvince',
  city: 'complaintPortal.regionCity',
  county: 'complaintPortal.regionCounty',
  town: 'complaintPortal.regionTown',
};

/** A complaint names a county or a street/town: deeper levels (villages) are not offered. */
const isLast = (r: Region) => r.childCount === 0 || r.level === 'town';
export const routable = (r: Region | undefined) => r?.level === 'county' || r?.level === 'town';

interface LevelProps {
  idPrefix: string;
  parent: string | null;
  depth: number;
  chain: Region[];
  onChain: (chain: Region[]) => void;
  describedBy?: string | undefined;
  invalid: boolean;
}

/** One level's list; once a region is chosen, the next level's list appears under it. */
function Level({ idPrefix, parent, depth, chain, onChain, describedBy, invalid }: LevelProps) {
  const { t } = useT();
  const regions = useRegions(parent);
  const items = regions.data ?? [];
  const chosen = chain[depth];
  if (regions.isPending) return <p className="wj-pub-muted">{t('complaintPortal.regionLoading')}</p>;
  if (items.length === 0) return null;
  const id = `${idPrefix}-${depth}`;
  const optional = depth > 0 && routable(chain[depth - 1]);
  return (
    <>
      <div className="wj-pub-field">
        <label htmlFor={id}>{t(LEVEL_LABEL[items[0]!.level] ?? 'complaintPortal.region')}</label>
        <select
          id={id}
          className="wj-pub-input"
          value={chosen?.code ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid && !optional ? true : undefined}
          onChange={(e) => {
            const next = items.find((r) => r.code === e.target.value);
            onChain(next ? [...chain.slice(0, depth), next] : chain.slice(0, depth));
          }}
        >
          <option value="">
            {optional ? t('complaintPortal.regionAny') : t('complaintPortal.regionChoose')}
          </option>
          {items.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {chosen && !isLast(chosen) && (
        <Level
          idPrefix={idPrefix}
          parent={chosen.code}
          depth={depth + 1}
          chain={chain}
          onChain={onChain}
          describedBy={describedBy}
          invalid={invalid}
        />
      )}
    </>
  );
}

/**
 * Where it happened, for someone without an account: province → city → county (→ street) as plain
 * selects, each level loaded from the public region list once the one above is chosen.
 */
export function PublicRegionPicker({
  chain,
  onChain,
  error,
}: {
  chain: Region[];
  onChain: (chain: Region[]) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  return (
    <fieldset className="wj-pub-fieldset wj-pub-regions" aria-describedby="region-help">
      <legend>
        {t('complaintPortal.region')}
        <span aria-hidden="true"> *</span>
      </legend>
      <div id="region-help" className="wj-pub-help">
        {t('complaintPortal.regionHelp')}
      </div>
      <Level
        idPrefix="region"
        parent={null}
        depth={0}
        chain={chain}
        onChain={onChain}
        describedBy={error ? 'region-error' : undefined}
        invalid={Boolean(error)}
      />
      {error && (
        <div id="region-error" className="wj-pub-error">
          {error}
        </div>
      )}
    </fieldset>
  );
}
