import fc from 'fast-check';
import type { Answer, Answers, FieldSpec, FieldValue, Flow, FlowNode } from '../../src/flows/index.ts';

/** Generators of questionnaire answers for the property tests of the question graphs. */

/** An arbitrary valid value for one input, "I don't know" included where allowed. */
function fieldValue(spec: FieldSpec): fc.Arbitrary<FieldValue> {
  const unknown = 'unknown' in spec && spec.unknown ? [fc.constant<FieldValue>('unknown')] : [];
  switch (spec.type) {
    case 'yesno':
      return fc.oneof(fc.boolean(), ...unknown);
    case 'choice':
      return fc.oneof(fc.constantFrom(...spec.options), ...unknown);
    case 'date':
      return fc.oneof(
        fc
          .date({ min: new Date('1950-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        ...unknown,
      );
    case 'month':
      return fc.oneof(
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2024-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 7)),
        ...(spec.present ? [fc.constant('present')] : []),
      );
    case 'country':
      return fc.oneof(fc.constantFrom('GBR', 'CHN', 'VNM', 'AFG', 'USA', 'MAC'), ...unknown);
    case 'amount':
      return fc.oneof(fc.integer({ min: 0, max: 40_000_000 }), ...unknown);
    case 'years':
      return fc.oneof(fc.integer({ min: 0, max: 40 }), ...unknown);
    case 'year':
      return fc.oneof(fc.integer({ min: 1970, max: 2025 }), ...unknown);
    case 'text':
      return fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), ...unknown);
    case 'textList':
      return fc.oneof(fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }), ...unknown);
    case 'profession':
      return fc.oneof(fc.constantFrom('actuaries', 'accountants', 'Naval architects'), ...unknown);
  }
}

/** An answer to every input of a question. */
export function answerFor(specs: readonly FieldSpec[]): fc.Arbitrary<Answer> {
  return fc.record(
    Object.fromEntries(specs.map((s) => [s.name, fieldValue(s)])) as Record<string, fc.Arbitrary<FieldValue>>,
  );
}

/**
 * Complete answers to every question of a flow (lists with one to three items), as a person would
 * give them along whatever path earlier answers open; `special` overrides a node's answers.
 */
export function completeAnswers(
  flow: Flow,
  special: (node: FlowNode) => fc.Arbitrary<Answer> | undefined = () => undefined,
): fc.Arbitrary<Answers> {
  return fc
    .record(
      Object.fromEntries(
        flow.nodes.map((n) => [
          n.id,
          special(n) ??
            (n.kind === 'list'
              ? fc
                  .array(answerFor(n.item), { minLength: 1, maxLength: 3 })
                  .map((items) => ({ items, done: true }))
              : answerFor(n.inputs)),
        ]),
      ),
    )
    .map((all) => all as Answers);
}
