export { userRoutes } from './routes.ts';
export { insertUser, findUser, type NewUser } from './repository.ts';
export { presentUser, presentJurisdiction, type UserView } from './presenter.ts';
