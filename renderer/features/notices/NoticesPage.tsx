import { CreateForm } from './CreateForm';
import { List } from './List';
import { Studio } from './Studio';
import { TemplatesEditor } from './TemplatesEditor';
import './notices.css';

/** #/notices → the list; #/notices/new → start an unlinked notice; #/notices/templates → the templates; #/notices/<id> → the studio. */
export function NoticesPage({ id }: { id?: string }) {
  if (id === 'new') return <CreateForm />;
  if (id === 'templates') return <TemplatesEditor />;
  if (id) return <Studio key={id} id={id} />;
  return <List />;
}
