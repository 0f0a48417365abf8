import type { Language } from '../../../preload/contract/common';

// Display names of the codes a change preview carries (grades, routes): words only, no rule.
const GRADES: Record<string, [string, string]> = {
  general: ['General', '一般'],
  relativelyMajor: ['Relatively major', '较大'],
  major: ['Major', '重大'],
  particularlyMajor: ['Particularly major', '特别重大'],
};
const ROUTES: Record<string, [string, string]> = {
  exempt: ['exempt', '豁免'],
  standardContractOrCertification: ['standard contract or certification', '标准合同或认证'],
  securityAssessment: ['security assessment', '安全评估'],
};
const pick = (pair: [string, string] | undefined, code: string, language: Language) => (pair ? pair[language === 'en' ? 0 : 1] : code);
export const gradeLabel = (code: string, language: Language) => pick(GRADES[code], code, language);
export const routeLabel = (code: string, language: Language) => pick(ROUTES[code], code, language);
