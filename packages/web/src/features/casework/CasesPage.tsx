import type { Route } from '../../router.ts';
import { CasePage } from './CasePage.tsx';
import { NewCaseForm } from './NewCaseForm.tsx';
import { WorkqueuePage } from './WorkqueuePage.tsx';

/** `#/cases` → the workqueue; `#/cases/new` → open a case; `#/cases/<id>` → one case. */
export function CasesPage({ route }: { route: Route }) {
  const id = route.path[1];
  if (id === 'new') return <NewCaseForm />;
  return id ? <CasePage key={id} id={id} /> : <WorkqueuePage route={route} />;
}
