import type { Route } from '../../router.ts';
import { CasePage } from './CasePage.tsx';
import { WorkqueuePage } from './WorkqueuePage.tsx';

/** `#/cases` → the workqueue; `#/cases/<id>` → one case. */
export function CasesPage({ route }: { route: Route }) {
  const id = route.path[1];
  return id ? <CasePage key={id} id={id} /> : <WorkqueuePage route={route} />;
}
