/** Calendar arithmetic on ISO date strings lives in common/ (shared with the renderer). */
export * from '../common/dates.ts';
