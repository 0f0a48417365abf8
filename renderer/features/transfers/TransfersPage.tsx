import { CreateForm } from './CreateForm';
import { Detail } from './Detail';
import { List } from './List';
import './transfers.css';

/** #/transfers → the register; #/transfers/new → the create form; #/transfers/<id> → one transfer. */
export function TransfersPage({ id }: { id?: string }) {
  if (id === 'new') return <CreateForm />;
  if (id) return <Detail key={id} id={id} />;
  return <List />;
}
