import { Link } from 'react-router';
import { useTitle } from '../use-title';

export default function NotFoundPage() {
  useTitle('Not found');
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>There is nothing here, or it is not available to you.</p>
      <Link to="/">Back to your plans</Link>
    </section>
  );
}
