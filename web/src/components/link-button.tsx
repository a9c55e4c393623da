import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';

/** A button that navigates inside the app (one focus stop, unlike a button nested in a link). */
export function LinkButton({ to, ...props }: ButtonProps & { to: string }) {
  const nav = useNavigate();
  return <Button {...props} onClick={() => nav(to)} />;
}
