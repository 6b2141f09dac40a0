import { useI18n } from '../../i18n/index.tsx';
import { EXPORT_FORMATS, type ExportFormat } from './api.ts';
import { FORMAT } from './labels.ts';

/** One download link per export format (CSV, XLSX, SDMX-CSV, HXL), labelled in the UI language. */
export function DownloadLinks({ urlOf }: { urlOf: (format: ExportFormat, lang: string) => string }) {
  const i = useI18n();
  return (
    <section aria-labelledby="downloads-title" className="downloads">
      <h2 id="downloads-title">{i.t('stats.download')}</h2>
      <ul className="actions">
        {EXPORT_FORMATS.map((f) => (
          <li key={f}>
            <a href={urlOf(f, i.lang)} download data-format={f}>
              {i.t(FORMAT[f]!)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
