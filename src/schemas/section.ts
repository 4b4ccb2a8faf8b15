import { z } from 'astro/zod';
import { keysOf, kinds } from '../vocabulary';
import { metric } from './metric';
import type { ReferenceFactory } from './reference';

/** A part of the report, in the report's own structure and order. */
export const section = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
	z.strictObject({
		/** The year this part of the report is about: the report's summary year for achievements, plan year for measures. */
		year: z.number().int().min(2000).max(2100),
		/** Whether the part reports achievements or plans measures. */
		kind: z.enum(keysOf(kinds)),
		/** Position among its siblings, from 1. */
		order: z.number().int().positive(),
		/** The report's numbering of the heading ("一", "1"), if it has one. */
		numbering: z.string().trim().min(1).optional(),
		/** The report's heading, without numbering or final full stop. */
		title: z.string().trim().min(1),
		/** The enclosing part, for sub-parts. */
		parent: reference('sections').optional(),
		/** The report's sentences that introduce the part, verbatim. */
		intro: z.string().trim().default(''),
		/** Every figure the intro states. */
		metrics: z.array(metric).default([]),
	});
