import type { ModuleManifest } from '../../platform/module.ts';
import { homeRoutes } from './home.routes.tsx';

/** The home page: open calls, petitions near their threshold, commitments updated this month, answers due, the plan at a glance. */
export const homeModule: ModuleManifest = {
  name: 'home',
  routes: homeRoutes,
};
