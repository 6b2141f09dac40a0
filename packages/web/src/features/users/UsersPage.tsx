import type { Route } from '../../router.ts';
import { UserCreate } from './UserCreate.tsx';
import { UserEdit } from './UserEdit.tsx';
import { UsersList } from './UsersList.tsx';

export function UsersPage({ route }: { route: Route }) {
  const sub = route.path[1];
  if (sub === 'new') return <UserCreate />;
  if (sub) return <UserEdit id={sub} />;
  return <UsersList route={route} />;
}
