import { z } from 'astro/zod';
import { achievementStatuses, keysOf, measureStatuses } from '../vocabulary';

/** Status of a 2023 achievement: `done` or `ongoing`, as the report states it. */
export const achievementStatus = z.enum(keysOf(achievementStatuses));

/** Status of a measure or action; a measure stays `planned` until a dated update says otherwise. */
export const measureStatus = z.enum(keysOf(measureStatuses));
