import { CreateForm } from './CreateForm';
import { Detail } from './Detail';
import { List } from './List';
import './incidents.css';

/** #/incidents → the register; #/incidents/new → the create form; #/incidents/<id> → one incident. */
export function IncidentsPage({ id }: { id?: string }) {
  if (id === 'new') return <CreateForm />;
  if (id) return <Detail key={id} id={id} />;
  return <List />;
}
