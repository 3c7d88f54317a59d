export { authModuleSkipLocalUsers as default } from './module';
export { LOCAL_USER_HEADER } from './localUsersAuthenticator';
