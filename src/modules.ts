import { actionPlansModule } from './modules/action-plans/index.ts';
import { petitionsModule } from './modules/petitions/index.ts';
import { bodiesModule } from './modules/bodies/index.ts';
import { proposalsModule } from './modules/proposals/index.ts';
import { openDataModule } from './modules/open-data/index.ts';
import { surveysModule } from './modules/surveys/index.ts';
import { reportsModule } from './modules/reports/index.ts';
import type { ModuleManifest } from './platform/module.ts';

/** Every module, in the order its routes are registered. A new module adds one line here. */
export const MODULES: ModuleManifest[] = [actionPlansModule, reportsModule, petitionsModule, proposalsModule, bodiesModule, surveysModule, openDataModule];
