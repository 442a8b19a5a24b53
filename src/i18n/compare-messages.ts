import type { Lang } from '../rules/schema.ts';
import { templateMessages } from './template.ts';

/**
 * What the comparison of routes says in its own words: fit labels, the reasons a route is ranked
 * where it is, and the summary. Sentences about single criteria come from the engine. English
 * defines the keys; the other catalogues must have exactly the same keys or they fail to compile.
 */
const en = {
  'fit.fits': 'Fits',
  'fit.might_fit': 'Might fit',
  'fit.does_not_fit': 'Does not fit',
  'fit.not_open': 'Not open yet',
  'fit.not_available': 'No rules for this date',
  'reason.eligible': 'meets every requirement on the facts given',
  'reason.undetermined': 'could fit: {n} facts still unknown would decide it',
  'reason.undeterminedOne': 'could fit: one fact still unknown would decide it',
  'reason.undeterminedNoFacts': 'could fit: some requirements are still open',
  'reason.noJobOffer': 'needs no job offer',
  'reason.jobOffer': 'needs a confirmed job offer',
  'reason.someJobOffer': 'needs a job offer only in some categories',
  'reason.noQuota': 'no quota or selection exercise: each application is decided on the criteria',
  'reason.selection':
    'meeting the requirements leads to a discretionary selection exercise, not straight to a decision',
  'reason.quota': 'places are allocated by quota and selection ({quota} a year)',
  'reason.quotaSuspended': 'the quota is suspended at this date',
  'reason.quotaPeriod':
    'places are limited by a quota of {quota} for {from} to {to}, first come, first served',
  'reason.quotaUnknown': 'whether a quota applies at this date is not known',
  'reason.stay': 'first stay of {months} months',
  'reason.stayNotFixed': 'the first stay is not a fixed period',
  'reason.timeLimitation': 'free to work, change jobs or run a business',
  'reason.employment': 'the stay is tied to the job: changing employer needs approval',
  'reason.linkedToSponsor': 'the stay follows the sponsor’s',
  'reason.cost': 'HK${total} in fees for {persons}',
  'reason.persons': '{n} people',
  'reason.person': '1 person',
  'reason.uncertain': 'uses a rule marked uncertain',
  'reason.notOpen': 'This scheme had not opened yet: it took its first applications on {date}',
  'reason.notInForce': 'Routewise holds no rules for this route before {date}',
  'missing.prerequisite': 'requirement',
  'missing.criterion': '{test}',
  'summary.some':
    'On the facts given, {fits} of {total} routes fit and {might} might fit, at the rules in force at {at}.',
  'summary.none':
    'On the facts given, no route fits yet at the rules in force at {at}; {might} might fit once the unknown facts are known.',
  'summary.nothing': 'On the facts given, no Hong Kong route fits at the rules in force at {at}.',
  disclaimer:
    'Routewise is independent software, not an official government service, and not legal advice. Meeting a route’s requirements is not approval: the Director of Immigration decides each application.',
} as const;

export type CompareMessageKey = keyof typeof en;
type Catalogue = Record<CompareMessageKey, string>;

const zhHant: Catalogue = {
  'fit.fits': '適合',
  'fit.might_fit': '可能適合',
  'fit.does_not_fit': '不適合',
  'fit.not_open': '尚未開始',
  'fit.not_available': '此日期沒有規則',
  'reason.eligible': '按所提供的資料，符合所有要求',
  'reason.undetermined': '可能適合：尚有 {n} 項未知資料將決定結果',
  'reason.undeterminedOne': '可能適合：尚有 1 項未知資料將決定結果',
  'reason.undeterminedNoFacts': '可能適合：部分要求尚未確定',
  'reason.noJobOffer': '無須獲得聘用',
  'reason.jobOffer': '須已獲確定聘用',
  'reason.someJobOffer': '只有部分類別須獲得聘用',
  'reason.noQuota': '不設配額或甄選：按準則逐一審批',
  'reason.selection': '符合要求後須經酌情甄選，並非直接審批',
  'reason.quota': '以配額及甄選分配名額（每年 {quota} 個）',
  'reason.quotaSuspended': '此日期配額已暫停',
  'reason.quotaPeriod': '名額受配額限制：{from}至{to}期間共 {quota} 個，先到先得',
  'reason.quotaUnknown': '未知此日期是否設有配額',
  'reason.stay': '首次逗留期 {months} 個月',
  'reason.stayNotFixed': '首次逗留期並非固定期限',
  'reason.timeLimitation': '可自由工作、轉職或經營業務',
  'reason.employment': '逗留與工作掛鈎：轉換僱主須事先獲批',
  'reason.linkedToSponsor': '逗留期跟隨保證人',
  'reason.cost': '費用合共港幣 {total} 元（{persons}）',
  'reason.persons': '{n} 人',
  'reason.person': '1 人',
  'reason.uncertain': '採用了標示為不確定的規則',
  'reason.notOpen': '此計劃當時尚未開始：於{date}起接受申請',
  'reason.notInForce': 'Routewise 沒有此計劃在 {date} 之前的規則',
  'missing.prerequisite': '基本要求',
  'missing.criterion': '{test}',
  'summary.some': '按所提供的資料及 {at} 生效的規則，{total} 個計劃中有 {fits} 個適合，{might} 個可能適合。',
  'summary.none':
    '按所提供的資料及 {at} 生效的規則，暫時沒有計劃適合；待未知資料確定後，{might} 個可能適合。',
  'summary.nothing': '按所提供的資料及 {at} 生效的規則，沒有香港入境計劃適合。',
  disclaimer:
    'Routewise 是獨立軟件，並非政府官方服務，亦不構成法律意見。符合計劃要求並不代表獲批：入境事務處處長會就每宗申請作出決定。',
};

const zhHans: Catalogue = {
  'fit.fits': '适合',
  'fit.might_fit': '可能适合',
  'fit.does_not_fit': '不适合',
  'fit.not_open': '尚未开始',
  'fit.not_available': '此日期没有规则',
  'reason.eligible': '按所提供的资料，符合所有要求',
  'reason.undetermined': '可能适合：尚有 {n} 项未知资料将决定结果',
  'reason.undeterminedOne': '可能适合：尚有 1 项未知资料将决定结果',
  'reason.undeterminedNoFacts': '可能适合：部分要求尚未确定',
  'reason.noJobOffer': '无须获得聘用',
  'reason.jobOffer': '须已获确定聘用',
  'reason.someJobOffer': '只有部分类别须获得聘用',
  'reason.noQuota': '不设配额或甄选：按准则逐一审批',
  'reason.selection': '符合要求后须经酌情甄选，并非直接审批',
  'reason.quota': '以配额及甄选分配名额（每年 {quota} 个）',
  'reason.quotaSuspended': '此日期配额已暂停',
  'reason.quotaPeriod': '名额受配额限制：{from}至{to}期间共 {quota} 个，先到先得',
  'reason.quotaUnknown': '未知此日期是否设有配额',
  'reason.stay': '首次逗留期 {months} 个月',
  'reason.stayNotFixed': '首次逗留期并非固定期限',
  'reason.timeLimitation': '可自由工作、转职或经营业务',
  'reason.employment': '逗留与工作挂钩：转换雇主须事先获批',
  'reason.linkedToSponsor': '逗留期跟随保证人',
  'reason.cost': '费用合共港币 {total} 元（{persons}）',
  'reason.persons': '{n} 人',
  'reason.person': '1 人',
  'reason.uncertain': '采用了标示为不确定的规则',
  'reason.notOpen': '此计划当时尚未开始：于{date}起接受申请',
  'reason.notInForce': 'Routewise 没有此计划在 {date} 之前的规则',
  'missing.prerequisite': '基本要求',
  'missing.criterion': '{test}',
  'summary.some': '按所提供的资料及 {at} 生效的规则，{total} 个计划中有 {fits} 个适合，{might} 个可能适合。',
  'summary.none':
    '按所提供的资料及 {at} 生效的规则，暂时没有计划适合；待未知资料确定后，{might} 个可能适合。',
  'summary.nothing': '按所提供的资料及 {at} 生效的规则，没有香港入境计划适合。',
  disclaimer:
    'Routewise 是独立软件，并非政府官方服务，亦不构成法律意见。符合计划要求并不代表获批：入境事务处处长会就每宗申请作出决定。',
};

const catalogues: Record<Lang, Catalogue> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** A comparison message in a language, with {placeholders} filled in. */
export const compareMessage = templateMessages<CompareMessageKey>(catalogues);
