import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { commitmentRoutes } from '../commitments/routes.js';
import { objectionRoutes } from '../objections/routes.js';
import { repairRoutes } from '../repairs/routes.js';
import { ruleRoutes } from '../rules/routes.js';

/** All routes of issue 7 (objections, repairs, commitments, rules, /me/notifications), for one line in app.ts. */
export async function subjectRightsRoutes(app: Api, deps: AppDeps): Promise<void> {
  await ruleRoutes(app, deps);
  await objectionRoutes(app, deps);
  await repairRoutes(app, deps);
  await commitmentRoutes(app, deps);
}
