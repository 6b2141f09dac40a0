import type { Route } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { DuplicateQueue } from './DuplicateQueue.tsx';
import { usePurpose } from './labels.ts';
import { PersonCreate } from './PersonCreate.tsx';
import { PersonPage } from './PersonPage.tsx';
import { PersonSearch } from './PersonSearch.tsx';

/** #/persons (search), #/persons/new (from a document), #/persons/duplicates (review), #/persons/<id>. */
export function PersonsPage({ route }: { route: Route }) {
  const { me } = useSession();
  const [purpose, setPurpose] = usePurpose(me.user.roles);
  const sub = route.path[1];
  if (sub === 'new') return <PersonCreate purpose={purpose} setPurpose={setPurpose} />;
  if (sub === 'duplicates') return <DuplicateQueue />;
  if (sub) return <PersonPage key={sub} id={sub} purpose={purpose} setPurpose={setPurpose} />;
  return <PersonSearch route={route} purpose={purpose} setPurpose={setPurpose} />;
}
