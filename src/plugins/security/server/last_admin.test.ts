import { lastAdminRefusal } from './last_admin';

const users = [
  { username: 'admin', roles: ['admin'] },
  { username: 'viewer', roles: ['viewer'] },
];

describe('lastAdminRefusal', () => {
  it('refuses deleting or demoting the only admin, with a message naming the user', () => {
    expect(lastAdminRefusal(users, 'admin')).toBe('cannot delete user [admin]: it is the last user with the [admin] role');
    expect(lastAdminRefusal(users, 'admin', ['viewer'])).toBe('cannot remove the [admin] role from [admin]: it is the last user with that role');
  });

  it('allows keeping the role, changing other users, and any change once a second admin exists', () => {
    expect(lastAdminRefusal(users, 'admin', ['admin', 'monitoring'])).toBeUndefined();
    expect(lastAdminRefusal(users, 'viewer')).toBeUndefined();
    expect(lastAdminRefusal(users, 'viewer', [])).toBeUndefined();
    expect(lastAdminRefusal(users, 'nobody')).toBeUndefined();
    const two = [...users, { username: 'root2', roles: ['monitoring', 'admin'] }];
    expect(lastAdminRefusal(two, 'admin')).toBeUndefined();
    expect(lastAdminRefusal(two, 'root2', ['monitoring'])).toBeUndefined();
  });
});
