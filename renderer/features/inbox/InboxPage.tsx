import { CreateForm } from './CreateForm';
import { Detail } from './Detail';
import { List } from './List';
import { Stats } from './Stats';
import './inbox.css';

/** #/inbox → the list; #/inbox/new → log by hand; #/inbox/quarter → the quarter's figures; #/inbox/<id> → one request. */
export function InboxPage({ id }: { id?: string }) {
  if (id === 'new') return <CreateForm />;
  if (id === 'quarter') return <Stats />;
  if (id) return <Detail key={id} id={id} />;
  return <List />;
}
