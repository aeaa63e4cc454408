/**
 * The closed lists the search form offers, taken from the registry's label catalog (its enum
 * values, in the registry's own order), so that the public form never offers a value the
 * registry does not know and never lacks one it adds.
 */
import { registryEnumLabels } from '../../../registry/index.ts';

const valuesOf = (group: keyof typeof registryEnumLabels.fr): readonly string[] => Object.keys(registryEnumLabels.fr[group]);

export const legalCategories = valuesOf('legalCategory');
export const centreTypes = valuesOf('centreType');
export const serviceTypes = valuesOf('serviceType');
export const targetGroups = valuesOf('targetGroup');

/** The category filter takes a legal category (law 65-15) or an Entraide Nationale centre type. */
export const isCategory = (value: string): boolean => legalCategories.includes(value) || centreTypes.includes(value);
