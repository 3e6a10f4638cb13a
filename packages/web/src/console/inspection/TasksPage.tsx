import { Route, Routes } from 'react-router';
import { NotFoundResult } from '../../ui/NotFoundResult';
import { InspectionPage } from './tasks/InspectionPage';
import { TaskListPage } from './tasks/TaskListPage';
import '../users/lists.css';
import '../registry/registry.css';
import './inspection.css';

/** /console/inspection/tasks: the inspector's tasks and /:id, one inspection with its field form. */
export default function TasksPage() {
  return (
    <Routes>
      <Route index element={<TaskListPage />} />
      <Route path=":id" element={<InspectionPage />} />
      <Route path="*" element={<NotFoundResult home="/console/inspection/tasks" />} />
    </Routes>
  );
}
