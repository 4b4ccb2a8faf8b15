import { z } from 'astro/zod';
import { dayExample } from '../lib/format';

/**
 * A calendar day written YYYY-MM-DD; read as midnight UTC, so `isoDate` gives the same day back.
 * Coercion hands the error an Invalid Date, not what was written, so the message does not echo it.
 */
export const day = z.coerce.date({ error: `日期无效：须写成 YYYY-MM-DD，如 ${dayExample}。` });
