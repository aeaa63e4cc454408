/** The beneficiaries module's public face: persons, reception, the Jisr pathway, registers, data protection. */
export { beneficiariesModule } from './module.ts';
export { seedDemoBeneficiaries } from './db/demo/index.ts';
// Issue 7: the public site's two doors into reception, and the vocabulary and phone rule of its form.
export { submitPublicRequest, publicRequestStatus, type PublicStatus } from './server/reception/public-intake.ts';
export { Phone, PublicRequestInput, PublicRequesterRelation, publicRequesterRelations } from './contract/index.ts';
export { serviceTypes as requestServiceTypes, targetGroups as requestTargetGroups } from '../registry/contract/enums.ts';
/** The processing's CNDP reference, printed by the public site's notice as by the staff screens'. */
export { CNDP_AUTHORISATION_REFERENCE } from './web/components/constants.ts';
