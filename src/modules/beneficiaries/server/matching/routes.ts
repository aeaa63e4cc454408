/** The matching part of the beneficiaries API (issue 6). */
import type { Api } from '../../../../server/module.ts';
import type { ServerContext } from '../../../../server/context.ts';

export function matchingRoutes(_api: Api, _ctx: ServerContext): void {
  // Routes of this part are registered here.
}
