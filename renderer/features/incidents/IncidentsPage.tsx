import { Assessment, AssessmentStart } from '../assessment/Assessment';
import { CreateForm } from './CreateForm';
import { Detail } from './Detail';
import { List } from './List';
import './incidents.css';

/** #/incidents → the register; #/incidents/assess → the guided assessment; #/incidents/new → the create form; #/incidents/<id> → one incident. */
export function IncidentsPage({ id }: { id?: string }) {
  if (id === 'new') return <CreateForm />;
  // The guided breach assessment (issue 17): #/incidents/assess, #/incidents/assess:new, #/incidents/assess:<draft>.
  if (id === 'assess') return <AssessmentStart />;
  if (id?.startsWith('assess:')) return <Assessment key={id} draftId={id === 'assess:new' ? null : id.slice('assess:'.length)} />;
  if (id) return <Detail key={id} id={id} />;
  return <List />;
}
