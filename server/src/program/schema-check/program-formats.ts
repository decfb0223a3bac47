// The formats the schema names, for the validators generated at build time
// (program-validators.generated.js reads `formats.date` from here).
import { isCalendarDate } from '../dates.js';

export const formats = {
  date: { type: 'string', validate: isCalendarDate },
} as const;
