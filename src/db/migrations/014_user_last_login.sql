-- 用户管理 shows when each account last signed in; set by a successful login.
alter table app_user add column last_login_at timestamptz;
