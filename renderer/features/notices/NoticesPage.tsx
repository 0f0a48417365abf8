import { CreateForm } from './CreateForm';
import { List } from './List';
import { Studio } from './Studio';
import './notices.css';

/** #/notices → the list; #/notices/new → start an unlinked notice; #/notices/<id> → the studio. */
export function NoticesPage({ id }: { id?: string }) {
  if (id === 'new') return <CreateForm />;
  if (id) return <Studio key={id} id={id} />;
  return <List />;
}
