export { achievement, measure } from './entry';
export { metric } from './metric';
export { owner } from './owner';
export type { LinkedCollection, ReferenceFactory } from './reference';
export { section } from './section';
export { achievementStatus, measureStatus } from './status';
export { update } from './update';
