import 'reflect-metadata';
import { fail, runServer } from './server';

runServer().catch(fail);
