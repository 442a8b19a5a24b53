import { qmasFlow } from './hk.qmas.ts';
import { type Answers, type FieldSpec, type Flow, type FlowNode, isListAnswer } from './types.ts';

export * from './types.ts';

/** Every route's question graph, by route id. */
export const flows: ReadonlyMap<string, Flow> = new Map([[qmasFlow.routeId, qmasFlow]]);

/** Whether a node is asked, given the answers so far. */
export function applies(node: FlowNode, answers: Answers): boolean {
  return node.when ? node.when(answers) : true;
}

/**
 * The inputs of a question (or of a list's items) that are asked, given the answers so far: all of
 * them unless the flow leaves some out (Flow.inputWhen).
 */
export function inputsOf(flow: Flow, node: FlowNode, answers: Answers): readonly FieldSpec[] {
  const specs = node.kind === 'list' ? node.item : node.inputs;
  const when = flow.inputWhen;
  return when ? specs.filter((spec) => when(answers, node, spec)) : specs;
}

/**
 * Whether a node has its answer: a question answered, or a list the person said was complete.
 * Given the flow, a question whose answer lacks an input the flow now asks (the submission day
 * moved to rules that read more) is not answered yet.
 */
export function isAnswered(node: FlowNode, answers: Answers, flow?: Flow): boolean {
  const a = answers[node.id];
  if (a === undefined) return false;
  if (node.kind === 'list') return isListAnswer(a) && a.done;
  if (isListAnswer(a)) return false;
  if (!flow?.inputWhen) return true;
  return inputsOf(flow, node, answers).every(
    (spec) =>
      spec.name in a ||
      (spec.onlyWhen !== undefined && !spec.onlyWhen.in.includes(String(a[spec.onlyWhen.field]))),
  );
}

/**
 * The questions asked, in order, for these answers: the path through the graph.
 *
 * @example path(qmasFlow, {}).map((n) => n.id) // ['date-of-birth', 'nationality', …]
 */
export function path(flow: Flow, answers: Answers): FlowNode[] {
  return flow.nodes.filter((n) => applies(n, answers));
}

/** The first question on the path still without an answer, or undefined when all are answered. */
export function firstUnanswered(flow: Flow, answers: Answers): FlowNode | undefined {
  return path(flow, answers).find((n) => !isAnswered(n, answers, flow));
}

/** The question after `id` on the path, or undefined after the last one. */
export function nextNode(flow: Flow, answers: Answers, id: string): FlowNode | undefined {
  const index = flow.nodes.findIndex((n) => n.id === id);
  return flow.nodes.slice(index + 1).find((n) => applies(n, answers));
}

/** The question before `id` on the path (for the back link), or undefined at the start. */
export function previousNode(flow: Flow, answers: Answers, id: string): FlowNode | undefined {
  const index = flow.nodes.findIndex((n) => n.id === id);
  return flow.nodes
    .slice(0, Math.max(0, index))
    .reverse()
    .find((n) => applies(n, answers));
}

export function findNode(flow: Flow, id: string): FlowNode | undefined {
  return flow.nodes.find((n) => n.id === id);
}

/**
 * The questions whose answers fill a profile field the engine names (e.g. in `deciding`):
 * "education.degrees[].level" → the degrees list (or "do you have a degree?" while that is not
 * known), "languages" → all three language questions. Only questions on the path are returned.
 */
export function nodesForField(flow: Flow, answers: Answers, field: string): FlowNode[] {
  const base = field.replace(/\[\]/g, '');
  const onPath = path(flow, answers);
  const exact = onPath.filter((n) => n.fields.some((f) => f.replace(/\[\]/g, '') === base));
  const matches =
    exact.length > 0
      ? exact
      : onPath.filter((n) =>
          n.fields.some((f) => {
            const g = f.replace(/\[\]/g, '');
            return base.startsWith(`${g}.`) || g.startsWith(`${base}.`);
          }),
        );
  // A follow-up question (asked only because of an earlier answer, e.g. the degrees after "yes, I
  // have a degree") is more precise than the question that opened it.
  const followUps = matches.filter((n) => n.followUp ?? n.when !== undefined);
  return followUps.length > 0 ? followUps : matches;
}
