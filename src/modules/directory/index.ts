/** The public directory (issue 7): the server-rendered public site and the delegations' publication settings. */
export { directoryModule } from './module.ts';
export { sendNotFound as sendPublicNotFound } from './public/site.tsx';
export { seedDemoDirectory } from './db/demo/index.ts';
