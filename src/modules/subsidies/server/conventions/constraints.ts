/** Convention rules the database alone enforces, answered with their own words. */
import { registerConstraintMessages } from '../../../../server/problem.ts';

registerConstraintMessages({
  conventions_period_order: { path: 'endsOn', key: 'subsidies.fields.ends_before_start' },
  conventions_period_length: { path: 'endsOn', key: 'subsidies.fields.period_too_long' },
  convention_partners_convention_id_kind_name_fr_key: { path: 'partners', key: 'subsidies.fields.duplicate' },
});
