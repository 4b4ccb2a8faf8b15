export { achievement, measure } from './entry';
export { metric } from './metric';
export { owner } from './owner';
export type { LinkedCollection, ReferenceFactory } from './reference';
export { report, reportFile } from './report';
export { section } from './section';
export { source } from './source';
export { achievementStatus, measureStatus } from './status';
export { update } from './update';
