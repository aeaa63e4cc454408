/**
 * How a module plugs its screens into the staff app. Each module exports one WebModule from its
 * web/index.ts; the shell turns its pages into routes under /app/ and its navigation entries into
 * the side menu, showing only what the signed-in user's permissions allow.
 */
import { lazy, type ComponentType } from 'react';
import type { Permission } from '../../modules/access/permissions.ts';
import type { AppNamespace, AppKey } from './i18n/types.ts';

/** A flat message catalog tree as loaded from a module's i18n/{ar,fr}.json. */
export interface Catalog {
  [key: string]: string | Catalog;
}

export interface IconProps {
  size?: number | string;
  stroke?: number | string;
  className?: string;
  'aria-hidden'?: boolean;
}

export interface WebPage {
  /** Path below /app/, in router syntax: 'territory/regions/$regionId'. */
  path: string;
  component: ComponentType;
  /** Permission needed to open the page; null: every signed-in user. */
  permission: Permission | null;
  /** Present when the page is an entry of the side navigation. */
  nav?: {
    labelKey: AppKey;
    icon: ComponentType<IconProps>;
    testId: string;
    /** Optional hook giving a count shown as a badge on the entry (items waiting); none when 0. */
    useBadge?: () => number | undefined;
  };
}

export interface WebModule {
  /** Stable id; also the module's i18n namespace. */
  id: AppNamespace;
  /** Name of the module in the navigation, as a namespaced key ('territory:module.title'). */
  labelKey: AppKey;
  icon: ComponentType<IconProps>;
  /** Permission without which the module is hidden. */
  permission: Permission;
  /** The module's catalogs, registered as the i18next namespace `id`. */
  messages: { ar: Catalog; fr: Catalog };
  routes: WebPage[];
}

/** The navigation entries of a module that the user may open (a module with none is hidden). */
export function visibleNav(module: WebModule, granted: readonly Permission[]): WebPage[] {
  if (!granted.includes(module.permission)) return [];
  return module.routes.filter((p) => p.nav && (p.permission === null || granted.includes(p.permission)));
}

/**
 * A page loaded on first visit: each screen's code is its own chunk, so the shell a phone
 * downloads at sign-in stays small. `load` is `() => import('./pages/X.tsx')`.
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): ComponentType {
  const Page: ComponentType = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return Page;
}
