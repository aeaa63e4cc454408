/** Database refusals of the institutions part (0065) answered with their own words (module.ts imports this). */
import { registerConstraintMessages } from '../../../../server/problem.ts';
import './documents.ts';

registerConstraintMessages({
  committee_members_seat_limit: { path: 'seat', key: 'registry.institutions.committee_seat_full' },
  committee_members_one_chair: { path: 'seat', key: 'registry.institutions.committee_one_chair' },
  committee_members_period: { path: 'until', key: 'registry.institutions.period_order' },
  rooms_institution_id_name_key: { path: 'name', key: 'registry.institutions.room_name_taken', status: 409 },
  institutions_director_named: { path: 'directorNameAr', key: 'registry.institutions.director_name_required' },
  institutions_association_id_fkey: { path: 'associationId', key: 'registry.institutions.founder_unknown' },
  institutions_commune_id_fkey: { path: 'communeId', key: 'registry.institutions.commune_out_of_scope' },
});
