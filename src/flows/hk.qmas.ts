import { workFields } from '../profile/schema.ts';
import {
  answersFromProfile,
  answersOnPath,
  answersTo,
  asksPrcPassport,
  profileFromAnswers,
  value,
} from './answers.ts';
import type { Flow, FlowNode } from './types.ts';

/**
 * The QMAS self-assessment: one question per page, in the order a person can answer them. The
 * profile has one schema for every era of the scheme, so every fact any era reads is asked.
 */

const yesno = (name: string) => ({ name, type: 'yesno', unknown: true }) as const;

export const qmasNodes: readonly FlowNode[] = [
  {
    kind: 'question',
    id: 'date-of-birth',
    fields: ['person.dateOfBirth'],
    inputs: [{ name: 'dateOfBirth', type: 'date', unknown: true }],
  },
  {
    kind: 'question',
    id: 'nationality',
    fields: ['person.nationality'],
    inputs: [{ name: 'nationality', type: 'country', unknown: true }],
  },
  {
    kind: 'question',
    id: 'mainland-resident',
    fields: ['person.mainlandResident'],
    inputs: [yesno('mainlandResident')],
  },
  {
    kind: 'question',
    id: 'prc-passport',
    fields: ['person.prcPassportAbroad'],
    when: asksPrcPassport,
    inputs: [
      yesno('appliesFromOverseas'),
      yesno('overseasPermanentResidence'),
      yesno('livedOverseasAtLeastOneYear'),
    ],
  },
  {
    kind: 'question',
    id: 'self-supporting',
    fields: ['character.selfSupporting'],
    inputs: [yesno('selfSupporting')],
  },
  {
    kind: 'question',
    id: 'criminal-record',
    fields: ['character.criminalRecord'],
    inputs: [yesno('criminalRecord')],
  },
  {
    kind: 'question',
    id: 'adverse-immigration-record',
    fields: ['character.adverseImmigrationRecord'],
    inputs: [yesno('adverseImmigrationRecord')],
  },
  { kind: 'question', id: 'has-degree', fields: ['education.degrees'], inputs: [yesno('hasDegree')] },
  {
    kind: 'list',
    id: 'degrees',
    fields: ['education.degrees[]'],
    when: (a) => value(a, 'has-degree', 'hasDegree') === true,
    maxItems: 10,
    item: [
      { name: 'level', type: 'choice', options: ['bachelor', 'master', 'doctorate'], unknown: true },
      { name: 'institution', type: 'text', unknown: true, maxLength: 200 },
      { name: 'subject', type: 'text', unknown: true, maxLength: 200 },
      yesno('eligibleUniversity'),
      yesno('stem'),
      yesno('renownedInstitution'),
      { name: 'yearAwarded', type: 'year', unknown: true },
    ],
  },
  {
    kind: 'question',
    id: 'professional-qualification',
    fields: ['education.professionalQualification'],
    inputs: [yesno('professionalQualification')],
  },
  {
    kind: 'question',
    id: 'languages-chinese',
    fields: ['languages.chinese', 'languages'],
    inputs: [yesno('written'), yesno('putonghua'), yesno('cantonese')],
  },
  {
    kind: 'question',
    id: 'languages-english',
    fields: ['languages.english', 'languages'],
    inputs: [yesno('written'), yesno('spoken')],
  },
  {
    kind: 'question',
    id: 'languages-other',
    fields: ['languages.others', 'languages'],
    inputs: [{ name: 'others', type: 'textList', unknown: true, maxItems: 10, maxLength: 60 }],
  },
  {
    kind: 'question',
    id: 'work',
    fields: ['work'],
    inputs: [{ name: 'format', type: 'choice', options: ['periods', 'totals'], unknown: true }],
  },
  {
    kind: 'list',
    id: 'work-periods',
    fields: ['work'],
    when: (a) => value(a, 'work', 'format') === 'periods',
    maxItems: 20,
    item: [
      { name: 'from', type: 'month', present: false },
      { name: 'to', type: 'month', present: true },
      yesno('graduateLevel'),
      yesno('seniorRole'),
      yesno('multinationalOrRenowned'),
      {
        name: 'field',
        type: 'choice',
        options: workFields,
        unknown: true,
      },
      yesno('international'),
    ],
  },
  {
    kind: 'question',
    id: 'work-totals',
    fields: ['work'],
    when: (a) => value(a, 'work', 'format') === 'totals',
    inputs: [
      { name: 'graduateYears', type: 'years', unknown: true },
      { name: 'seniorYears', type: 'years', unknown: true },
      { name: 'multinationalYears', type: 'years', unknown: true },
      { name: 'specifiedFieldYears', type: 'years', unknown: true },
      { name: 'internationalYears', type: 'years', unknown: true },
    ],
  },
  {
    kind: 'question',
    id: 'income',
    fields: ['income.lastYearHKD'],
    inputs: [{ name: 'lastYearHKD', type: 'amount', unknown: true }],
  },
  { kind: 'question', id: 'business', fields: ['business.ownsBusiness'], inputs: [yesno('ownsBusiness')] },
  {
    kind: 'question',
    id: 'business-profit',
    fields: ['business.businessProfitLastYearHKD'],
    when: (a) => value(a, 'business', 'ownsBusiness') === true,
    inputs: [{ name: 'profitHKD', type: 'amount', unknown: true }],
  },
  {
    kind: 'question',
    id: 'listed-company',
    fields: ['business.ownsListedCompany'],
    inputs: [yesno('ownsListedCompany')],
  },
  { kind: 'question', id: 'talent-list', fields: ['talentList'], inputs: [yesno('meets')] },
  {
    kind: 'question',
    id: 'talent-list-profession',
    fields: ['talentList'],
    when: (a) => value(a, 'talent-list', 'meets') === true,
    inputs: [{ name: 'profession', type: 'profession', unknown: true, maxLength: 200 }],
  },
  {
    kind: 'question',
    id: 'achievements',
    fields: ['achievements.exceptionalAward', 'achievements.peerRecognition'],
    inputs: [yesno('exceptionalAward'), yesno('peerRecognition')],
  },
  {
    kind: 'question',
    id: 'family-in-hong-kong',
    fields: ['family.hkPermanentResidentInHongKong'],
    inputs: [yesno('hkPermanentResidentInHongKong')],
  },
  { kind: 'question', id: 'has-dependants', fields: ['dependants'], inputs: [yesno('hasDependants')] },
  {
    kind: 'list',
    id: 'dependants',
    fields: ['dependants[]'],
    when: (a) => value(a, 'has-dependants', 'hasDependants') === true,
    maxItems: 12,
    item: [
      { name: 'relation', type: 'choice', options: ['spouse', 'civil_partner', 'child'], unknown: false },
      { name: 'dateOfBirth', type: 'date', unknown: true },
      { name: 'nationality', type: 'country', unknown: true },
      yesno('mainlandResident'),
      { ...yesno('hasDegree'), onlyWhen: { field: 'relation', in: ['spouse', 'civil_partner'] } },
      { ...yesno('married'), onlyWhen: { field: 'relation', in: ['child'] } },
    ],
  },
  {
    kind: 'question',
    id: 'submission-date',
    fields: [],
    inputs: [{ name: 'date', type: 'date', unknown: false }],
    defaults: (today) => ({ date: today }),
  },
];

export const qmasFlow: Flow = {
  routeId: 'hk.qmas',
  nodes: qmasNodes,
  submissionNode: 'submission-date',
  toProfile: (answers) => profileFromAnswers(answersOnPath(qmasNodes, answers)),
  fromProfile: (profile) => answersTo(qmasNodes, answersFromProfile(profile)),
};
