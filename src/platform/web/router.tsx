/** Code-based routes: /app/login, and the signed-in shell with every module's pages. */
import { Suspense } from 'react';
import { createRootRoute, createRoute, createRouter, Outlet, type AnyRoute } from '@tanstack/react-router';
import type { WebModule, WebPage } from './module.ts';
import { LoadingState } from './components/states.tsx';
import { useCan } from './session.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { LoginPage } from './shell/LoginPage.tsx';
import { ForbiddenPage, NotFoundPage } from './shell/StatusPages.tsx';

function Guarded({ page }: { page: WebPage }) {
  const can = useCan();
  if (!can(page.permission)) return <ForbiddenPage />;
  const Page = page.component;
  // Pages are loaded on first visit (lazyPage): the shell stays while a page's code arrives.
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  );
}

export function buildRouter(modules: readonly WebModule[]) {
  const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });
  const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: 'login', component: LoginPage });
  const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'signed-in', component: () => <AppLayout modules={modules} /> });
  const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: () => <HomePage modules={modules} /> });
  const pageRoutes: AnyRoute[] = modules.flatMap((m) =>
    m.routes.map((page) => createRoute({ getParentRoute: () => appRoute, path: page.path, component: () => <Guarded page={page} /> })),
  );
  const routeTree = rootRoute.addChildren([loginRoute, appRoute.addChildren([homeRoute, ...pageRoutes])]);
  return createRouter({ routeTree, basepath: '/app', defaultNotFoundComponent: NotFoundPage, scrollRestoration: true });
}
