// Which phrasing each JSON Schema keyword gets: one ajv error in, at most one
// finding out (undefined when another error of the same value says it better).
import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { siteOf } from './finding.js';
import type { Finding } from './finding.js';
import { forbidden, keyNotAnId, missingKey, noFormFits, unknownKey } from './key-findings.js';
import {
  emptyText, listedTwice, notAllowedValue, notTheConstant, otherProblem, outOfRange, tooFewItems, wrongForm,
} from './value-findings.js';

export function findingFor(doc: Document.Parsed, value: unknown, isRoot: boolean, e: ErrorObject): Finding | undefined {
  const s = siteOf(doc, value, isRoot, e);
  // A bad key in a map with free keys (raci): propertyNames' inner error.
  if (typeof e.propertyName === 'string' && e.keyword !== 'propertyNames') return keyNotAnId(s, e.propertyName);
  switch (e.keyword) {
    case 'additionalProperties': return unknownKey(s);
    case 'required': return missingKey(s);
    case 'const': return notTheConstant(s);
    case 'enum': return notAllowedValue(s);
    case 'type':
    case 'pattern':
    case 'format': return wrongForm(s);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': return outOfRange(s);
    case 'uniqueItems': return listedTwice(s);
    case 'minItems': return tooFewItems(s);
    case 'minLength': return emptyText(s);
    case 'not': return forbidden(s);
    case 'anyOf':
    case 'oneOf': return noFormFits(s);
    default: return otherProblem(s);
  }
}
