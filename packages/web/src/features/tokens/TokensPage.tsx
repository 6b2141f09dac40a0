import { useState } from 'react';
import type { TokenView } from '../../api/types.ts';
import { personText } from '../../components/display.ts';
import { ErrorAlert, StatusMessage } from '../../components/ErrorAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useI18n } from '../../i18n/index.tsx';
import { actionLabel } from '../../i18n/labels.ts';
import type { Route } from '../../router.ts';
import { scopesText } from '../shell/ScopeList.tsx';
import { tokensApi, tokenStatus } from './api.ts';
import { TokenCreate } from './TokenCreate.tsx';

function RevokeButton({ token, onRevoked }: { token: TokenView; onRevoked: (t: TokenView) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      onRevoked(await tokensApi.revoke(token.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      {confirming ? (
        <span className="actions">
          <button type="button" className="danger" onClick={revoke} disabled={busy}>
            {t('tokens.revokeConfirm', { name: token.name })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('tokens.revoke')}
          <span className="visually-hidden"> ({token.name})</span>
        </button>
      )}
    </>
  );
}

function TokensList() {
  const i = useI18n();
  const { t } = i;
  const list = useLoad('tokens', (signal) => tokensApi.list(signal));
  const [revoked, setRevoked] = useState<string | null>(null);
  const items = list.data;
  return (
    <>
      <div className="page-head">
        <h1>{t('tokens.title')}</h1>
        <a className="button primary" href="#/tokens/new">
          {t('tokens.create')}
        </a>
      </div>
      <p>{t('tokens.intro')}</p>
      <ErrorAlert error={list.error} />
      {revoked && <StatusMessage tone="success">{t('tokens.revoked', { name: revoked })}</StatusMessage>}
      <p role="status" className="result-count">
        {list.loading ? t('common.loading') : items ? t('tokens.count', { count: i.number(items.length) }) : ''}
      </p>
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.agency')}</th>
                <th scope="col">{t('field.actions')}</th>
                <th scope="col">{t('field.jurisdictions')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('common.operations')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((tk) => {
                const status = tokenStatus(tk);
                return (
                  <tr key={tk.id}>
                    <th scope="row">{tk.name}</th>
                    <td>{i.name(tk.agency.name)}</td>
                    <td>{tk.actions.map((a) => actionLabel(i, a)).join(', ')}</td>
                    <td>{scopesText(i, tk.jurisdictions)}</td>
                    <td>
                      {i.dateTime(tk.createdAt)}
                      <br />
                      <span className="muted">{t('tokens.by', { name: personText(tk.createdBy) })}</span>
                    </td>
                    <td>{tk.expiresAt ? i.dateTime(tk.expiresAt) : t('tokens.never')}</td>
                    <td>{tk.lastUsedAt ? i.dateTime(tk.lastUsedAt) : t('tokens.notUsed')}</td>
                    <td>
                      <span className={`tag tag-${status}`}>{i.tx(`tokens.status.${status}`, status)}</span>
                    </td>
                    <td>
                      {status === 'active' && (
                        <RevokeButton
                          token={tk}
                          onRevoked={(r) => {
                            list.setData(items.map((x) => (x.id === r.id ? r : x)));
                            setRevoked(r.name);
                          }}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function TokensPage({ route }: { route: Route }) {
  return route.path[1] === 'new' ? <TokenCreate /> : <TokensList />;
}
