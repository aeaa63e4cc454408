/** The institution's history tab shows its licensing steps too (platform record history, decision 0015). */
import { extendHistoryOwner } from '../../../../platform/audit/index.ts';
// The institution kind must be registered before it is extended.
import '../history.ts';

extendHistoryOwner('institution', ['registry.licensing_steps']);
