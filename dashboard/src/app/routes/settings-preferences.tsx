import { PageHeader } from '../../components/ui/page-header';
import { PreferencesView } from '../../features/preferences/components/preferences-view';
import { useTitle } from '../use-title';

export default function SettingsPreferencesPage() {
  useTitle('My preferences');
  return (
    <>
      <PageHeader title="My preferences" description="What Handover sends you, whichever plan you are in." />
      <PreferencesView />
    </>
  );
}
