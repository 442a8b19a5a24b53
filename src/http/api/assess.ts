import { type AssessOptions, assess, RulesNotInForceError, UnknownTestError } from '../../engine/assess.ts';
import type { Assessment } from '../../engine/result.ts';
import type { Profile } from '../../profile/schema.ts';
import type { Lang } from '../../rules/schema.ts';
import type { RouteRules } from '../../rules/types.ts';
import { ApiError, errorMessage } from '../errors.ts';
import { issue } from './input.ts';

/**
 * Runs the engine for a request, turning its errors into API errors: a moment before the rules
 * is `rules_not_in_force`; an unknown test id is `invalid_field` at tests.N.
 */
export function assessFor(
  profile: Profile,
  rules: RouteRules,
  moment: string,
  lang: Lang,
  tests?: readonly string[],
): Assessment {
  try {
    const options: AssessOptions = tests ? { lang, tests } : { lang };
    return assess(profile, rules, moment, options);
  } catch (error) {
    if (error instanceof RulesNotInForceError) {
      throw new ApiError('rules_not_in_force', { params: { at: error.at, earliest: error.earliest } });
    }
    if (error instanceof UnknownTestError) {
      const index = tests?.indexOf(error.test) ?? 0;
      const expected = errorMessage(lang, 'expect.oneOf', { values: error.known.join(', ') });
      throw new ApiError('invalid_field', { issues: [issue(lang, `tests.${index}`, error.test, expected)] });
    }
    throw error;
  }
}
